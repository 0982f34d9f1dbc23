/* format.c — file forms told from their magic bytes (see format.h). */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "ingest/parse_util.h"
#include "text/chars.h"

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
		return memmem(d, len < 65536 ? len : 65536, "word/", 5)
		           ? "a damaged Word .docx: open it in Word or LibreOffice and save it "
		             "again"
		           : "a ZIP archive: unpack it and ingest the files inside";
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

const char *format_skip_name(const char *name)
{
	static const char *const reports[] = {"txt",   "text",  "md",  "markdown", "htm", "html",
	                                      "shtml", "xhtml", "mht", "mhtml",    "pdf", "docx",
	                                      "odt",   "doc",   "wps", "rtf",      NULL};
	static _Thread_local char why[80];
	const char *dot = strrchr(name, '.');
	if (!dot || dot == name || !dot[1])
		return NULL;
	for (const char *const *r = reports; *r; r++)
		if (strcasecmp(dot + 1, *r) == 0)
			return NULL;
	char ext[16];
	snprintf(ext, sizeof ext, "%s", dot + 1);
	for (char *e = ext; *e; e++) /* a file name is shown inert */
		if ((unsigned char)*e < 0x20 || (unsigned char)*e >= 0x7F)
			*e = '?';
	snprintf(why, sizeof why, "not a report file (.%s)", ext);
	return why;
}

const char *format_not_report(const char *text, size_t len)
{
	size_t han = 0, lines = 0, tabbed = 0, tabs_here = 0, filled = 0;
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		i += pu_decode(text + i, len - i, &cp);
		han += text_is_han(cp);
		if (cp == '\t')
			tabs_here++;
		else if (cp != ' ' && cp != '\r' && cp != '\n')
			filled = 1;
		if (cp == '\n' || i == len) {
			lines += filled;
			tabbed += filled && tabs_here;
			tabs_here = filled = 0;
		}
	}
	if (!han)
		return "no Chinese text in it: not a report";
	if (lines >= 5 && tabbed * 5 >= lines * 3)
		return "a table of tab-separated values, not a report";
	return NULL;
}
