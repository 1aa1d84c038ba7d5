package report

import (
	"bytes"
	"crypto"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/sha256"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/hex"
	"errors"
	"fmt"
	"math/big"
	"time"

	pdfreader "github.com/digitorus/pdf"
	"github.com/digitorus/pdfsign/sign"
)

// Sign adds an invisible PDF approval signature (adbe.pkcs7.detached,
// SHA-256, ECDSA P-256) as an incremental update of pdf. It is an approval
// signature, not a certification (no DocMDP lock), so an official TTE can
// be added on top later; the signed file starts with the exact bytes of
// pdf.
//
// The result is byte-reproducible: same pdf, key, cert, when and
// signerName give the same bytes. ECDSA signatures are deterministic
// (RFC 6979, see detSigner), and when is both the signature dictionary's
// /M and the CMS signing-time attribute: the library writes the wall
// clock there, so Sign then rewrites that one attribute and signs the
// attributes again (pinSigningTime).
func Sign(pdf []byte, key *ecdsa.PrivateKey, cert *x509.Certificate, when time.Time, signerName string) ([]byte, error) {
	return SignWithReason(pdf, key, cert, when, signerName, ReasonOPDReport)
}

// Signature reasons (shown by PDF readers beside the signer).
const (
	ReasonOPDReport          = "Persetujuan laporan penilaian mandiri (SPBE Mandiri)"
	ReasonConsolidatedReport = "Persetujuan laporan konsolidasi (Tim Asesor Internal, SPBE Mandiri)"
)

// SignWithReason is Sign with the signature's stated reason.
func SignWithReason(pdf []byte, key *ecdsa.PrivateKey, cert *x509.Certificate, when time.Time, signerName, reason string) (out []byte, err error) {
	if key == nil || cert == nil {
		return nil, errors.New("report: kunci atau sertifikat penanda tangan kosong")
	}
	defer func() {
		// the PDF parser panics on some malformed input
		if p := recover(); p != nil {
			out, err = nil, fmt.Errorf("report: PDF tidak dapat ditandatangani: %v", p)
		}
	}()
	rdr, err := pdfreader.NewReader(bytes.NewReader(pdf), int64(len(pdf)))
	if err != nil {
		return nil, fmt.Errorf("report: membaca PDF untuk ditandatangani: %w", err)
	}
	var buf bytes.Buffer
	err = sign.Sign(bytes.NewReader(pdf), &buf, rdr, int64(len(pdf)), sign.SignData{
		Signature: sign.SignDataSignature{
			CertType: sign.ApprovalSignature,
			Info: sign.SignDataSignatureInfo{
				Name:   signerName,
				Reason: reason,
				Date:   when,
			},
		},
		Signer:          detSigner{key},
		DigestAlgorithm: crypto.SHA256,
		Certificate:     cert,
	})
	if err != nil {
		return nil, fmt.Errorf("report: menandatangani PDF: %w", err)
	}
	out = buf.Bytes()
	if err := pinSigningTime(out, len(pdf), key, when); err != nil {
		return nil, fmt.Errorf("report: menandatangani PDF: %w", err)
	}
	return out, nil
}

// NewSigningCert makes a fresh random ECDSA P-256 key and a self-signed
// certificate for it, valid from an hour before now for ten years.
// (Poppler rejects Ed25519 certificates, hence ECDSA.) Exports use
// SigningCert with the key derived from the installation key instead.
func NewSigningCert(name string, now time.Time) (*ecdsa.PrivateKey, *x509.Certificate, error) {
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		return nil, nil, err
	}
	serial, err := rand.Int(rand.Reader, new(big.Int).Lsh(big.NewInt(1), 127))
	if err != nil {
		return nil, nil, err
	}
	tmpl := &x509.Certificate{
		SerialNumber: serial,
		Subject: pkix.Name{
			CommonName:         name,
			Organization:       []string{"SPBE Mandiri"},
			OrganizationalUnit: []string{"Sertifikat swa-tanda tangan (bukan TTE resmi)"},
		},
		NotBefore:             now.Add(-time.Hour),
		NotAfter:              now.AddDate(10, 0, 0),
		KeyUsage:              x509.KeyUsageDigitalSignature | x509.KeyUsageContentCommitment,
		BasicConstraintsValid: true,
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		return nil, nil, err
	}
	cert, err := x509.ParseCertificate(der)
	if err != nil {
		return nil, nil, err
	}
	return key, cert, nil
}

// CertSHA256 is the hex SHA-256 of the certificate's DER bytes, as
// recorded in the bundle manifest.
func CertSHA256(cert *x509.Certificate) string {
	sum := sha256.Sum256(cert.Raw)
	return hex.EncodeToString(sum[:])
}
