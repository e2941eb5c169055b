// The hand-written containers and script module type of the model (rules/include/tfgradlint_model/
// nn.h): typed and untyped access, iteration, growth. Valid with the real
// LibTorch headers (make check-real-headers parses it); the model headers
// must parse it too (make model-headers).
#include <torch/torch.h>
#include <torch/script.h>

void container_calls() {
  torch::nn::Sequential seq(torch::nn::Linear(4, 8), torch::nn::ReLU(), torch::nn::Linear(8, 1));
  std::shared_ptr<torch::nn::Module> any = seq->ptr(0);
  std::shared_ptr<torch::nn::LinearImpl> first = seq->ptr<torch::nn::LinearImpl>(0);
  torch::nn::LinearImpl& last = seq->at<torch::nn::LinearImpl>(2);
  const torch::nn::SequentialImpl& cseq = *seq;
  const torch::nn::LinearImpl& clast = cseq.at<torch::nn::LinearImpl>(2);
  for (const auto& m : cseq) (void)m;
  seq->push_back(torch::nn::Tanh());
  seq->extend(std::vector<std::shared_ptr<torch::nn::LinearImpl>>{std::make_shared<torch::nn::LinearImpl>(1, 1)});
  (void)any; (void)first; (void)last; (void)clast;

  torch::nn::ModuleList list(torch::nn::Linear(2, 2), torch::nn::Linear(2, 2));
  std::shared_ptr<torch::nn::Module> m0 = list->ptr(0);
  std::shared_ptr<torch::nn::LinearImpl> l1 = list->ptr<torch::nn::LinearImpl>(1);
  list->insert(0, torch::nn::Linear(2, 2));
  list->insert(1, std::make_shared<torch::nn::LinearImpl>(2, 2));
  list->extend(std::vector<std::shared_ptr<torch::nn::Module>>{m0});
  const torch::nn::ModuleListImpl& clist = *list;
  for (const auto& m : clist) (void)m;
  const torch::nn::LinearImpl& c1 = clist.at<torch::nn::LinearImpl>(1);
  (void)l1; (void)c1;
}

// A TorchScript module's own type (torch/script.h).
void script_module_type(const torch::jit::Module& module) {
  for (const auto& child : module.named_children())
    (void)child.value.type()->name().value().name();
}
