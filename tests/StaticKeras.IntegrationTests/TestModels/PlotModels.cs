namespace StaticKeras.IntegrationTests.TestModels;

/// <summary>A residual block, to be drawn as one box when used in a model.</summary>
[Input(4, Name = "x")]
[Dense(4, Activation = Activation.Relu, Name = "h")]
[Add("x", "h")]
public partial class PlotBlock;

/// <summary>Two blocks and a skip connection over both: a graph with a long edge.</summary>
[Input(4, Name = "features")]
[Block<PlotBlock>(Name = "first")]
[Block<PlotBlock>(Name = "second")]
[Concatenate("features", "second", Name = "joined")]
[Dense(2, Activation = Activation.Softmax)]
public partial class PlotBlocks;
