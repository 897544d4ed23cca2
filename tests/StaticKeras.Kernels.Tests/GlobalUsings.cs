global using StaticKeras;
global using StaticKeras.Kernels;
