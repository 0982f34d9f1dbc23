/* sha256.h — SHA-256 (FIPS 180-4), for the content hash of a document. */
#ifndef BAOGAO_SHA256_H
#define BAOGAO_SHA256_H

#include <stddef.h>
#include <stdint.h>

struct sha256 {
	uint32_t h[8];
	uint64_t total; /* bytes hashed so far */
	unsigned char block[64];
	size_t fill; /* bytes waiting in block */
};

void sha256_init(struct sha256 *s);
void sha256_update(struct sha256 *s, const void *data, size_t len);
void sha256_final(struct sha256 *s, unsigned char digest[32]);
/* One-shot: lower-case hex digest of data[0..len) into hex (65 bytes with NUL). */
void sha256_hex(const void *data, size_t len, char hex[65]);

#endif
