  opt.zero_grad();
  auto pred = m->forward(x).detach();
  auto loss = (pred - y).pow(2).mean();
  if (n > 3) loss = loss + x.argmax().to(torch::kFloat);
  loss.backward();
  opt.step();
