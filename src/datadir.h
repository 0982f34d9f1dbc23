/* datadir.h — where the bundled files (seeds/, data/) are found. */
#ifndef BAOGAO_DATADIR_H
#define BAOGAO_DATADIR_H

/* Absolute path of `rel` ("seeds", "data/indicators.tsv") looked up in
 * $BAOGAO_DATADIR, then the installed $(pkgdatadir), then the source tree the
 * program was built from; NULL if none has it.  Returns malloc'd. */
char *datadir_find(const char *rel);
/* "dir/rel", malloc'd; NULL when out of memory. */
char *datadir_join(const char *dir, const char *rel);

/* data/keys.conf and data/indicators.tsv as they were when the program was
 * built (src/defaults.c, made by tools/embed.sh): what the browser and the
 * extractor use when the files cannot be found. */
extern const char datadir_default_keys[];
extern const char datadir_default_indicators[];

#endif
