global using StaticKeras;
global using StaticKeras.Saving;
