package bundle

import (
	"crypto/sha256"
	"encoding/hex"

	"golang.org/x/crypto/cryptobyte"
	cbasn1 "golang.org/x/crypto/cryptobyte/asn1"
)

// certScan looks, while report.pdf streams past, for the certificate the
// manifest names in report.cert_sha256: it collects every PDF hex string
// that follows a /Contents key (a signature's CMS), decodes it, and hashes
// every SEQUENCE in its DER tree down to maxCertDepth (the certificates of
// a CMS SignedData sit at depth 4). It only proves that a certificate with
// that hash is embedded in a signature's /Contents; whether that signature
// verifies is left to a PDF tool (pdfsig). Memory is bounded by
// maxContentsHex; work is linear in the PDF size.
type certScan struct {
	want  [32]byte
	found bool

	match    int  // bytes of "/Contents" matched so far
	afterKey bool // "/Contents" seen, skipping white space
	inHex    bool // inside "<…>" after /Contents
	hex      []byte
	tooLong  bool
}

const (
	contentsKey    = "/Contents"
	maxContentsHex = 1 << 20 // hex digits kept of one /Contents string
	maxCertDepth   = 6
)

func newCertScan(certSHA256 string) *certScan {
	c := &certScan{}
	if b, err := hex.DecodeString(certSHA256); err == nil && len(b) == 32 {
		copy(c.want[:], b)
	}
	return c
}

func (c *certScan) Write(p []byte) (int, error) {
	if c.found {
		return len(p), nil
	}
	for _, ch := range p {
		c.step(ch)
	}
	return len(p), nil
}

func (c *certScan) step(ch byte) {
	switch {
	case c.inHex:
		switch {
		case ch == '>':
			c.inHex = false
			if !c.tooLong {
				c.check()
			}
			return
		case isHexDigit(ch):
			if len(c.hex) < maxContentsHex {
				c.hex = append(c.hex, ch)
			} else {
				c.tooLong = true
			}
			return
		case isPDFSpace(ch):
			return
		}
		c.inHex = false // not a hex string after all
	case c.afterKey:
		if isPDFSpace(ch) {
			return
		}
		c.afterKey = false
		if ch == '<' {
			c.inHex, c.hex, c.tooLong = true, c.hex[:0], false
			return
		}
	}
	switch {
	case ch == contentsKey[c.match]:
		c.match++
		if c.match == len(contentsKey) {
			c.match, c.afterKey = 0, true
		}
	case ch == '/':
		c.match = 1
	default:
		c.match = 0
	}
}

// check decodes the collected hex string (an odd final digit is dropped)
// and walks its DER.
func (c *certScan) check() {
	h := c.hex[:len(c.hex)&^1]
	der := make([]byte, len(h)/2)
	if _, err := hex.Decode(der, h); err != nil {
		return
	}
	s := cryptobyte.String(der)
	var el cryptobyte.String
	var tag cbasn1.Tag
	if s.ReadAnyASN1Element(&el, &tag) {
		c.walk(el, tag, 0)
	}
}

func (c *certScan) walk(el cryptobyte.String, tag cbasn1.Tag, depth int) {
	if c.found || depth > maxCertDepth {
		return
	}
	if tag == cbasn1.SEQUENCE && sha256.Sum256(el) == c.want {
		c.found = true
		return
	}
	if tag&0x20 == 0 { // primitive
		return
	}
	var body cryptobyte.String
	var t cbasn1.Tag
	if !el.ReadAnyASN1(&body, &t) {
		return
	}
	for !body.Empty() {
		var child cryptobyte.String
		if !body.ReadAnyASN1Element(&child, &t) {
			return
		}
		c.walk(child, t, depth+1)
	}
}

func isHexDigit(ch byte) bool {
	return ch >= '0' && ch <= '9' || ch >= 'a' && ch <= 'f' || ch >= 'A' && ch <= 'F'
}

// isPDFSpace: the white-space characters of ISO 32000-1 7.2.2.
func isPDFSpace(ch byte) bool {
	switch ch {
	case 0, '\t', '\n', '\f', '\r', ' ':
		return true
	}
	return false
}
