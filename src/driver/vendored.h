/* driver/vendored: recognises a copy of a framework's own headers inside
 * a project (a libtorch/include/ unpacked next to the code, TensorFlow's
 * headers under third_party/), which a directory walk leaves out: they are
 * the framework, not training code, and parsing LibTorch's 1,600 headers
 * one by one takes many minutes.
 *
 * A directory is such a copy when at least VENDORED_MIN_MATCHES of the
 * header paths the model headers provide (torch/torch.h, ATen/ATen.h,
 * c10/core/Device.h, tensorflow/c/c_api.h, ...) exist below it. The paths
 * are read from the model headers' directory, so a framework added with
 * its model headers is recognised too, with no change here. */
#ifndef TFG_DRIVER_VENDORED_H
#define TFG_DRIVER_VENDORED_H
#include "../util/arena.h"
#include "../util/vec.h"
#include <stdbool.h>

#define VENDORED_MIN_MATCHES 3

struct vendored {
    const_str_vec headers; /* the model's header paths, relative to its directory */
    const_str_vec tops;    /* their first components (torch, ATen, ...), each once */
};

/* Reads the header paths below `model_dir` (NULL: recognises nothing);
 * strings live in `a`. The model's own directory (tfgradlint_model/) is
 * left out: no framework has it. */
void vendored_init(struct vendored *v, const char *model_dir, struct arena *a);

/* Whether `dir` holds a copy of a framework's headers. `v` is a struct
 * vendored (the signature of a walk's skip test). */
bool vendored_framework_dir(const char *dir, void *v);

void vendored_free(struct vendored *v);

#endif
