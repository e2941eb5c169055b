/* report/safe: text from the analysed code, made safe to print.
 *
 * Snippets, identifiers, messages and file names come from files a pull
 * request controls. On a terminal, control characters and escape
 * sequences in them must not reach it raw (ESC, 8-bit CSI, bidirectional
 * overrides that reorder what a reviewer sees); in JSON, invalid UTF-8
 * would make the document invalid. */
#include "report.h"
#include <string.h>

/* Length of the well-formed UTF-8 sequence at `s` (at most `n` bytes),
 * its code point in `*cp`; 0 when the bytes are not one. */
static size_t utf8_seq(const unsigned char *s, size_t n, unsigned *cp)
{
    size_t len = s[0] < 0x80 ? 1 : (s[0] & 0xe0) == 0xc0 ? 2 : (s[0] & 0xf0) == 0xe0 ? 3 : (s[0] & 0xf8) == 0xf0 ? 4 : 0;
    if (len == 0 || len > n)
        return 0;
    unsigned c = len == 1 ? s[0] : s[0] & (0x7f >> len);
    for (size_t i = 1; i < len; i++) {
        if ((s[i] & 0xc0) != 0x80)
            return 0;
        c = (c << 6) | (s[i] & 0x3f);
    }
    static const unsigned min[] = {0, 0, 0x80, 0x800, 0x10000};
    if (c < min[len] || c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff))
        return 0; /* overlong, out of range or a surrogate */
    *cp = c;
    return len;
}

/* C0 and C1 controls except tab, DEL, and the invisible bidirectional
 * controls of "Trojan Source" (CVE-2021-42574). */
static bool unsafe_code_point(unsigned c)
{
    return (c < 0x20 && c != '\t') || (c >= 0x7f && c <= 0x9f) || c == 0x200e || c == 0x200f ||
           (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
}

void report_put_safe(FILE *out, const char *s, size_t n)
{
    const unsigned char *p = (const unsigned char *)s;
    for (size_t i = 0; i < n;) {
        unsigned c = 0;
        size_t len = utf8_seq(p + i, n - i, &c);
        if (len == 0 || unsafe_code_point(c)) {
            fputc('?', out);
            i += len ? len : 1;
        } else {
            fwrite(p + i, 1, len, out);
            i += len;
        }
    }
}

void report_put_valid_utf8(FILE *out, const char *s, size_t n)
{
    const unsigned char *p = (const unsigned char *)s;
    for (size_t i = 0; i < n;) {
        unsigned c;
        size_t len = utf8_seq(p + i, n - i, &c);
        if (len == 0) {
            fputs("\xef\xbf\xbd", out); /* U+FFFD REPLACEMENT CHARACTER */
            i++;
        } else {
            fwrite(p + i, 1, len, out);
            i += len;
        }
    }
}
