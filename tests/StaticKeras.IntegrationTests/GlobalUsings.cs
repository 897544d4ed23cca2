global using StaticKeras;
