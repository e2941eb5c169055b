// tfgradlint API model of tensorflow/cc/framework/ops.h: Operation, Output,
// Input (with its Initializer) and the lists of them.
#ifndef TFGRADLINT_MODEL_TF_CC_OPS_H
#define TFGRADLINT_MODEL_TF_CC_OPS_H
#include <cstdint>
#include <initializer_list>
#include <string>
#include <vector>
#include "tensorflow/core/framework/tensor.h"
#include "tensorflow/core/framework/types.h"

namespace tensorflow {
class Node;

class Operation {
 public:
  Operation();
  explicit Operation(Node* n);
  int num_inputs() const;
  int num_outputs() const;
  Node* node() const;
};

class Output {
 public:
  Output();
  explicit Output(Node* n);
  Output(Node* n, int32_t index);
  Output(const Operation& op, int32_t index);
  Operation op() const;
  Node* node() const;
  int32_t index() const;
  DataType type() const;
  std::string name() const;
  bool operator==(const Output& other) const;
};

struct OutputHash {
  std::size_t operator()(const Output& output) const;
};

class Input {
 public:
  struct Initializer {
    Initializer(const float& v);
    Initializer(const double& v);
    Initializer(const int& v);
    Initializer(const int64_t& v);
    Initializer(const bool& v);
    Initializer(const char* s);
    Initializer(const Tensor& t);
    Initializer(const std::initializer_list<float>& v);
    Initializer(const std::initializer_list<int>& v);
    Initializer(const std::initializer_list<Initializer>& v);
    Initializer(const std::initializer_list<float>& v, const TensorShape& shape);
    Tensor tensor;
  };
  Input(const Output& o);
  Input(const Tensor& t);
  Input(const Initializer& init);
  Input(const float& v);
  Input(const double& v);
  Input(const int& v);
  Input(const std::initializer_list<float>& v);
  Input(const std::initializer_list<int>& v);
  Input(const std::initializer_list<Initializer>& v);
  Input(const std::string& name, int32_t i, DataType dt);
  Node* node() const;
  int32_t index() const;
  DataType data_type() const;
};

typedef std::vector<Output> OutputList;

class InputList {
 public:
  InputList(const OutputList& out);
  InputList(std::initializer_list<Input> inputs);
  InputList(const std::vector<Input>& inputs);
};
}  // namespace tensorflow

#endif
