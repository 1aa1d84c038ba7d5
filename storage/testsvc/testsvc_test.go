package testsvc

import (
	"bytes"
	"context"
	"io"
	"testing"

	"github.com/jackc/pgx/v5"
	"github.com/minio/minio-go/v7"
)

func TestMain(m *testing.M) { Main(m) }

var tmpl = Template{Name: "tmpl_selftest", Prepare: func(ctx context.Context, dsn string) error {
	conn, err := pgx.Connect(ctx, dsn)
	if err != nil {
		return err
	}
	defer conn.Close(ctx)
	_, err = conn.Exec(ctx, `CREATE TABLE note (id int PRIMARY KEY, body text NOT NULL)`)
	return err
}}

// Each test database starts as the template: a row written in one is not
// seen in the next.
func TestDatabaseIsFreshFromTemplate(t *testing.T) {
	ctx := context.Background()
	for i := range 2 {
		conn, err := pgx.Connect(ctx, Database(t, tmpl))
		if err != nil {
			t.Fatal(err)
		}
		var n int
		if err := conn.QueryRow(ctx, `SELECT count(*) FROM note`).Scan(&n); err != nil || n != 0 {
			t.Fatalf("database %d: %d rows, err %v; want a fresh table", i, n, err)
		}
		if _, err := conn.Exec(ctx, `INSERT INTO note VALUES (1, 'x')`); err != nil {
			t.Fatal(err)
		}
		conn.Close(ctx)
	}
}

// The gateway is a real S3 store: signed requests, objects round-trip,
// If-None-Match: * refuses to overwrite.
func TestS3RoundTrip(t *testing.T) {
	b := S3(t)
	ctx := context.Background()
	c := b.Client()
	data := []byte("bukti dukung")
	if _, err := c.PutObject(ctx, b.Name, "a/b", bytes.NewReader(data), int64(len(data)), minio.PutObjectOptions{}); err != nil {
		t.Fatal(err)
	}
	obj, err := c.GetObject(ctx, b.Name, "a/b", minio.GetObjectOptions{})
	if err != nil {
		t.Fatal(err)
	}
	got, err := io.ReadAll(obj)
	if err != nil || !bytes.Equal(got, data) {
		t.Fatalf("read %q, %v", got, err)
	}
	opts := minio.PutObjectOptions{}
	opts.SetMatchETagExcept("*")
	if _, err := c.PutObject(ctx, b.Name, "a/b", bytes.NewReader(data), int64(len(data)), opts); err == nil {
		t.Fatal("overwrite with If-None-Match: * succeeded")
	}
	bad := *b.S3Server
	bad.Secret = "wrong"
	if _, err := bad.Client().ListBuckets(ctx); err == nil {
		t.Fatal("a wrong secret was accepted: not a signature-checking store")
	}
}
