#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "datadir.h"

char *datadir_join(const char *dir, const char *rel)
{
	size_t n = strlen(dir) + strlen(rel) + 2;
	char *p = malloc(n);
	if (p)
		snprintf(p, n, "%s/%s", dir, rel);
	return p;
}

char *datadir_find(const char *rel)
{
	/* The build tree comes last so an installed copy wins, but a program run
	 * from the tree still finds its files before `make install`. */
	const char *dirs[3] = {getenv("BAOGAO_DATADIR"), BAOGAO_PKGDATADIR, BAOGAO_SRCDIR};
	for (size_t i = 0; i < 3; i++) {
		if (!dirs[i] || !*dirs[i])
			continue;
		char *p = datadir_join(dirs[i], rel);
		if (p && access(p, R_OK) == 0)
			return p;
		free(p);
	}
	return NULL;
}
