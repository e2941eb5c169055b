/* driver/datadir: where the models, model headers and docs are installed.
 * TFGRADLINT_DATADIR wins; then <prefix>/share/tfgradlint next to an
 * installed binary; then rules/ of the source tree next to build/. */
#ifndef TFG_DRIVER_DATADIR_H
#define TFG_DRIVER_DATADIR_H
#include "../util/vec.h"

/* Heap-allocated path of the data directory, or NULL when none is found. */
char *datadir_find(void);
/* Appends the *.json model files of `dir`, sorted (heap strings). */
void datadir_models(const char *dir, str_vec *out);

#endif
