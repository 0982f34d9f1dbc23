/* compare_report.h — the comparison of targets and results as a listing:
 * one schema for `baogao compare --format …` and the browser's export (e),
 * so a file saved from either has the same columns. */
#ifndef BAOGAO_REPORT_COMPARE_REPORT_H
#define BAOGAO_REPORT_COMPARE_REPORT_H

#include <stdio.h>

#include "model/indicators.h"
#include "report/output.h"

/* Writes rows to fp in format f (table cut to width when width > 0).  JSON
 * keeps each side whole with its section: model_compare_sections first.
 * Returns 0, or -1 when fp reports a write error. */
int compare_report_write(FILE *fp, enum out_format f, const struct compare_row *rows, size_t n,
                         int width);

#endif
