/* rules/docinfo: the parts of a rule doc (rules/docs/<ID>.md) that other
 * outputs show, so that the doc stays the single source of a rule's text:
 * --list-rules and SARIF's shortDescription use the summary, SARIF's
 * fullDescription the "What it does" section.
 *
 * A doc is "# <ID> <name>", then "## What it does", "## Why is this bad",
 * "## Example" and "## Use instead". Every function returns a heap string
 * the caller frees, or NULL when the doc lacks the part. */
#ifndef TFG_RULES_DOCINFO_H
#define TFG_RULES_DOCINFO_H

/* The Markdown body of section "## <heading>", trimmed. */
char *rule_doc_section(const char *doc, const char *heading);
/* The "What it does" section as one line of plain text: line breaks become
 * spaces, code backticks are dropped. */
char *rule_doc_description(const char *doc);
/* The first sentence of the description, without its final '.' or ':'. */
char *rule_doc_summary(const char *doc);

#endif
