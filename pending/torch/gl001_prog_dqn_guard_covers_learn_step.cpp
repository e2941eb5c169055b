// Bug: a complete DQN program whose NoGradGuard for action selection is
// declared at the top of the step loop's body instead of in its own block.
// It stays active for the learning step later in the same body, so the
// Q-values of the policy network are not recorded and backward() throws.
// Pending: tfgradlint reports GL001 at the action-selection forward (line 35,
// meant to run without recording) instead of the learning step's forward.
#include <torch/torch.h>
#include <cstdio>
#include <deque>
#include <iostream>
#include <random>
#include <vector>
#include "oracle.h"

struct Transition {
  torch::Tensor state;
  int64_t action;
  float reward;
  torch::Tensor next_state;
};

int main() {
  torch::manual_seed(23);
  std::mt19937 rng(23);
  torch::nn::Sequential policy(torch::nn::Linear(3, 24), torch::nn::ReLU(), torch::nn::Linear(24, 2));
  torch::nn::Sequential target(torch::nn::Linear(3, 24), torch::nn::ReLU(), torch::nn::Linear(24, 2));
  torch::optim::Adam optimizer(policy->parameters(), torch::optim::AdamOptions(1e-3));
  oracle::Watch watch(policy->parameters());
  std::deque<Transition> replay;
  const double gamma = 0.95;

  auto state = torch::randn({3});
  for (int step = 0; step < 40; ++step) {
    torch::NoGradGuard no_grad;
    int64_t action = policy->forward(state.unsqueeze(0)).argmax(1).item<int64_t>();
    float reward = action == 0 ? state[0].item<float>() : -state[0].item<float>();
    auto next_state = torch::randn({3});
    replay.push_back({state, action, reward, next_state});
    state = next_state;

    if (replay.size() < 8) continue;
    std::vector<torch::Tensor> states, next_states;
    std::vector<int64_t> actions;
    std::vector<float> rewards;
    for (int i = 0; i < 8; ++i) {
      const Transition& t = replay[rng() % replay.size()];
      states.push_back(t.state);
      next_states.push_back(t.next_state);
      actions.push_back(t.action);
      rewards.push_back(t.reward);
    }
    auto q = policy->forward(torch::stack(states))  // expect: GL001
                 .gather(1, torch::tensor(actions, torch::kLong).unsqueeze(1))
                 .squeeze(1);
    auto next_q = std::get<0>(target->forward(torch::stack(next_states)).max(1));
    auto loss = torch::mse_loss(q, torch::tensor(rewards) + gamma * next_q);
    optimizer.zero_grad();
    loss.backward();
    optimizer.step();
  }
  watch.report(policy->parameters());
}
