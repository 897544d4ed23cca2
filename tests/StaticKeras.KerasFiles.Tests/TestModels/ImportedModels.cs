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

/// <summary>Conv1D with 'same' padding, from the Keras 2 .h5 file, weights embedded.</summary>
[KerasModel("conv1d_k2_s1_d1_cl_same_model.h5", EmbedWeights = true)]
public partial class ImportedConv1DSame;

/// <summary>Conv1D with dilation 2, from the model.to_json() file.</summary>
[KerasModel("dl4j_single_layer/conv1d_k2_s1_d2_cl_valid_config.json")]
public partial class ImportedConv1DDilated;
