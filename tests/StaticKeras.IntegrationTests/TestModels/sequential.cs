namespace StaticKeras.IntegrationTests.TestModels;

/// <summary>The model of Keras's summary example (Dense(5) then Dense(1) on one feature), named as Keras names it.</summary>
[Input(1)]
[Dense(5)]
[Dense(1)]
#pragma warning disable IDE1006, CS8981 // Lower-case on purpose: Keras calls this model "sequential".
public partial class sequential;
#pragma warning restore IDE1006, CS8981
