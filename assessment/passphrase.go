package assessment

// MinPassphraseLen is the minimum length, in characters (runes, not
// bytes), of the passphrase protecting a new signing key. storage/keys
// enforces the same minimum when it creates a key (keys.MinPassphraseLen;
// a test in package main keeps the two equal); the GUI checks it first so
// that a short passphrase is refused in the form, before anything runs.
const MinPassphraseLen = 8
