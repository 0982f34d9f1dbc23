/* format.c — file forms told from their magic bytes (see format.h). */
#include "config.h"

#include <string.h>

#include "ingest/format.h"

static int starts(const char *d, size_t len, const char *magic, size_t n)
{
	return len >= n && memcmp(d, magic, n) == 0;
}

const char *format_refusal(const char *d, size_t len)
{
	if (starts(d, len, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8))
		return "a Word 97-2003 (.doc), WPS or other Office 97 file: convert it with "
		       "`soffice --headless --convert-to txt:Text FILE` and ingest the text";
	/* .docx and .odt have readers (office.c): any other ZIP is an archive */
	if (starts(d, len, "PK\x03\x04", 4))
		return "a ZIP archive: unpack it and ingest the files inside";
	if (starts(d, len, "{\\rtf", 5))
		return "an RTF file: convert it with `soffice --headless --convert-to txt:Text "
		       "FILE` "
		       "and ingest the text";
	if (starts(d, len, "\x89PNG", 4) || starts(d, len, "\xFF\xD8\xFF", 3) ||
	    starts(d, len, "GIF8", 4) || starts(d, len, "II*\0", 4) || starts(d, len, "MM\0*", 4))
		return "an image: a scanned report needs OCR (e.g. tesseract -l chi_sim) first";
	if (starts(d, len, "\x1F\x8B", 2) || starts(d, len, "7z\xBC\xAF", 4) ||
	    starts(d, len, "Rar!", 4) || starts(d, len, "BZh", 3) ||
	    starts(d, len,
	           "\xFD"
	           "7zXZ",
	           5))
		return "a compressed archive: unpack it and ingest the files inside";
	return NULL;
}
