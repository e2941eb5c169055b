/* driver/header_policy: the rule policy of findings in project headers.
 *
 * A file's analysis reports into a sink whose policy (enabled rules,
 * severities) is that of the analysed file, and it applies to findings in
 * that file only. Findings in the headers it includes (bodies defined in
 * project headers) get the policy of the header's own configuration here,
 * once every file has been analysed: the rules it ignores are dropped, its
 * severities applied, and a header it excludes reports nothing. */
#ifndef TFG_DRIVER_HEADER_POLICY_H
#define TFG_DRIVER_HEADER_POLICY_H
#include "settings.h"
#include "../diag/diag.h"
#include "../report/report.h"

void header_policy_apply(struct settings *st, struct diag_sink *sink, const struct file_status *files, size_t n);

#endif
