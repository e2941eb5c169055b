  for (int epoch = 0; epoch < n; ++epoch) {
    torch::NoGradGuard guard;
    opt.zero_grad();
    auto loss = torch::mse_loss(m->forward(x), y);
    loss.backward();
    opt.step();
  }
