// tfgradlint API model of absl/types/span.h: a view over contiguous
// elements; a span of non-const elements is written through.
#ifndef TFGRADLINT_MODEL_ABSL_SPAN_H
#define TFGRADLINT_MODEL_ABSL_SPAN_H
#include <cstddef>
#include <initializer_list>
#include <type_traits>
#include <vector>

namespace absl {
template <typename T>
class Span {
 public:
  using value_type = typename std::remove_cv<T>::type;
  using pointer = T*;
  using reference = T&;
  using iterator = T*;
  Span();
  Span(T* array, std::size_t length);
  template <std::size_t N>
  Span(T (&a)[N]);
  template <typename A>
  Span(std::vector<value_type, A>& v);
  template <typename A>
  Span(const std::vector<value_type, A>& v);
  Span(std::initializer_list<value_type> v);
  reference operator[](std::size_t i) const;
  std::size_t size() const;
  std::size_t length() const;
  bool empty() const;
  pointer data() const;
  iterator begin() const;
  iterator end() const;
  Span subspan(std::size_t pos, std::size_t len) const;
};

template <typename T, typename A>
Span<T> MakeSpan(std::vector<T, A>& v);
template <typename T>
Span<T> MakeSpan(T* ptr, std::size_t size);
template <typename T, std::size_t N>
Span<T> MakeSpan(T (&array)[N]);
template <typename T, typename A>
Span<const T> MakeConstSpan(const std::vector<T, A>& v);
}  // namespace absl

#endif
