/* rules/docs: the rule docs (rules/docs/GL00N.md), embedded at build time so an
 * installed binary needs no source tree (generated: build/gen/docs.c). */
#ifndef TFG_RULES_DOCS_H
#define TFG_RULES_DOCS_H

/* The Markdown doc of rule `id` ("GL001"), or NULL. */
const char *rule_doc(const char *id);

#endif
