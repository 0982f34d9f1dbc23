/* check.h — the unit-test harness: CHECK records a failure and goes on, so one
 * run reports every broken expectation; check_done prints the tally and
 * returns the exit status automake's harness expects. */
#ifndef BAOGAO_CHECK_H
#define BAOGAO_CHECK_H

#include <stdio.h>
#include <string.h>

static int check_passed, check_failed;

#define CHECK(cond)                                                                                \
	do {                                                                                       \
		if (cond)                                                                          \
			check_passed++;                                                            \
		else {                                                                             \
			check_failed++;                                                            \
			fprintf(stderr, "%s:%d: CHECK failed: %s\n", __FILE__, __LINE__, #cond);   \
		}                                                                                  \
	} while (0)

#define CHECK_MSG(cond, ...)                                                                       \
	do {                                                                                       \
		if (cond)                                                                          \
			check_passed++;                                                            \
		else {                                                                             \
			check_failed++;                                                            \
			fprintf(stderr, "%s:%d: CHECK failed: %s: ", __FILE__, __LINE__, #cond);   \
			fprintf(stderr, __VA_ARGS__);                                              \
			fputc('\n', stderr);                                                       \
		}                                                                                  \
	} while (0)

#define CHECK_INT(a, b)                                                                            \
	do {                                                                                       \
		long long check_a_ = (long long)(a), check_b_ = (long long)(b);                    \
		CHECK_MSG(check_a_ == check_b_, "%s = %lld, expected %lld", #a, check_a_,          \
		          check_b_);                                                               \
	} while (0)

#define CHECK_STR(a, b)                                                                            \
	do {                                                                                       \
		const char *check_a_ = (a), *check_b_ = (b);                                       \
		CHECK_MSG(check_a_ &&check_b_ &&strcmp(check_a_, check_b_) == 0,                   \
		          "%s = \"%s\", expected \"%s\"", #a, check_a_ ? check_a_ : "(null)",      \
		          check_b_);                                                               \
	} while (0)

static inline int check_done(void)
{
	printf("%d passed, %d failed\n", check_passed, check_failed);
	if (check_passed + check_failed == 0) {
		/* a test program that checked nothing has not passed */
		fprintf(stderr, "no checks ran\n");
		return 1;
	}
	return check_failed ? 1 : 0;
}

#endif
