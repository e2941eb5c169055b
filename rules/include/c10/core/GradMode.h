// tfgradlint API model of <c10/core/GradMode.h> (LibTorch 1.13).
#pragma once
#include "../../tfgradlint_model/c10.h"
