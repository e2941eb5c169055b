/* driver/project_std: the C++ standard a project's build files declare,
 * for C++ files whose flags name none (zero-config runs, or a database
 * entry without -std).
 *
 * Such files parse as C++17: LibTorch's own standard, and the cheapest one
 * to parse, since libstdc++'s C++20 headers put some five milliseconds of
 * template specializations into every file's parse (docs/benchmarks.md).
 * A project that declares C++20 or later gets that standard instead, so
 * its concepts and ranges still parse. The declaration is read from the
 * nearest directory, from the file's own upward, whose
 * CMakeLists.txt (CMAKE_CXX_STANDARD, CXX_STANDARD, cxx_std_NN, -std=),
 * Makefile (-std=), meson.build (cpp_std=), or Bazel's .bazelrc or BUILD
 * files (--cxxopt=-std=, copts) name a standard; the search ends at the
 * top of the repository or Bazel workspace (.git, WORKSPACE, MODULE.bazel)
 * and at most eight directories above the project root. Standards
 * before C++17 parse as C++17: the API model headers need <optional>. */
#ifndef TFG_DRIVER_PROJECT_STD_H
#define TFG_DRIVER_PROJECT_STD_H
#include "../util/arena.h"
#include "../util/hashmap.h"

/* The newest C++ standard `text` (a build file) names, as its year modulo
 * 100 in C++ order (98 -> 3, 11, 14, 17, 20, 23, 26), or 0 when it names
 * none. `#` comments are skipped. */
int project_std_level(const char *text);

/* The -std flag for a declared level: NULL for none or before C++20. */
const char *project_std_flag_for(int level);

/* Build files read once per directory for a run. */
struct project_std {
    struct arena arena;
    struct strmap facts_by_dir; /* directory -> declared level * 2 + (is a repository top) */
};

void project_std_init(struct project_std *ps);

/* The -std flag for the C++ file at the resolved path `abs` (realpath) in
 * the project under `root` (or NULL: none is known), or NULL for the
 * default. */
const char *project_std_flag(struct project_std *ps, const char *abs, const char *root);

void project_std_free(struct project_std *ps);

#endif
