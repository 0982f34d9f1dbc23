/* fingerprint.h — the same report known in any form.
 *
 * A report's PDF, its web page and its .docx give slightly different text
 * (a title line more, a space less, 繁體 or 简体), never the same bytes.
 * The fingerprint is a bottom-k sketch (Broder) of the report's figures in
 * their words: every run of TEXT_FP_GRAM consecutive Han characters and
 * digits, folded (text_fold_cp: simplified, ASCII digits), that holds a
 * digit is hashed, and the TEXT_FP_K smallest hashes are kept (all runs
 * when the text has too few figures).  Two sketches estimate how much of
 * their runs two texts share: the same report in two forms nearly all, a
 * report written from last year's (the same sentences, new figures) far
 * fewer.  Pure; no I/O. */
#ifndef BAOGAO_FINGERPRINT_H
#define BAOGAO_FINGERPRINT_H

#include <stddef.h>
#include <stdint.h>

#define TEXT_FP_K    48
#define TEXT_FP_GRAM 6
#define TEXT_FP_HEX  (TEXT_FP_K * 16) /* the sketch as text, without its NUL */
/* shared share at or above which two texts are one report */
#define TEXT_FP_SAME 0.85

struct text_fp {
	uint64_t min[TEXT_FP_K]; /* runs with a digit: ascending, distinct */
	size_t n;
	uint64_t all[TEXT_FP_K]; /* every run */
	size_t nall;
	uint32_t gram[TEXT_FP_GRAM];
	size_t filled;
	size_t han; /* Han characters seen */
};

void text_fp_init(struct text_fp *fp);
/* Feeds text (UTF-8); a run of Han characters and digits continues across calls and
 * across anything that is not Han, so that line breaks, spaces and
 * punctuation, which the forms treat differently, change nothing. */
void text_fp_add(struct text_fp *fp, const char *s, size_t len);
/* The sketch as hex, NUL-terminated; "" when the text had too little Han. */
void text_fp_hex(const struct text_fp *fp, char out[TEXT_FP_HEX + 1]);
/* The estimated share of runs two sketches (hex) have in common, 0…1;
 * 0 when either is empty or malformed. */
double text_fp_similarity(const char *a, const char *b);

#endif
