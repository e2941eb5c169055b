  for (int epoch = 0; epoch < n; ++epoch) {
    opt.zero_grad();
    auto out = m->forward(x);
    auto loss = torch::mse_loss(out, y);
    loss.backward();
    opt.step();
  }
