namespace StaticKeras.KerasFiles.Tests.TestModels;

/// <summary>The Keras 2 sparse-xent MLP, built at compile time from its whole-model .h5, its weights compiled in.</summary>
[KerasModel("dl4j_simple_sparse_xent/simple_sparse_xent_mlp_keras_2_model.h5", EmbedWeights = true)]
public partial class ImportedSparseXent;

/// <summary>Dense + ELU from the .h5 file; weights loaded from the file at run time.</summary>
[KerasModel("ELU_0_model.h5")]
public partial class ImportedElu;

/// <summary>Dense + ReLU from the model.to_json() file.</summary>
[KerasModel("dl4j_single_layer/ReLU_0_config.json")]
public partial class ImportedRelu;

/// <summary>Dense + Softmax from the .h5 file, embedded.</summary>
[KerasModel("Softmax_0_model.h5", EmbedWeights = true)]
public partial class ImportedSoftmax;
