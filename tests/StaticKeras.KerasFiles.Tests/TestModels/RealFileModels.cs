namespace StaticKeras.KerasFiles.Tests.TestModels;

/// <summary>dl4j_simple_sparse_xent: Dense(4 → 3) then softmax, as the Keras 2.3.1 file declares it.</summary>
[Input(4)]
[Dense(3)]
[Activation("softmax")]
public partial class SparseXentMlp;

/// <summary>dl4j_single_layer ReLU_0: Dense(16 → 32) then ReLU.</summary>
[Input(16)]
[Dense(32)]
[ReLU]
public partial class DenseRelu;

/// <summary>dl4j_single_layer ELU_0: Dense(16 → 32) then ELU(alpha 0.7, stored as float32).</summary>
[Input(16)]
[Dense(32)]
[ELU(Alpha = 0.699999988079071)]
public partial class DenseElu;

/// <summary>dl4j_single_layer Softmax_0: Dense(16 → 32) then Softmax.</summary>
[Input(16)]
[Dense(32)]
[Softmax]
public partial class DenseSoftmax;

/// <summary>
/// Keras's pre_pr22362_nested_container test model declared as StaticKeras writes it: three 4 → 4
/// Dense layers without bias and a 4 → 2 Dense; its archive's keys (dense … dense_3) are this model's.
/// </summary>
[Input(4)]
[Dense(4, UseBias = false)]
[Dense(4, UseBias = false)]
[Dense(4, UseBias = false)]
[Dense(2)]
public partial class NestedDense;

/// <summary>dl4j_single_layer conv1d_k2_s1_d1_cl_same: Conv1D(4, 2, 'same', sigmoid) over (16, 3).</summary>
[Input(16, 3)]
[Conv1D(4, 2, Padding = "same", Activation = Activation.Sigmoid, Name = "conv0")]
public partial class Conv1DSame;

/// <summary>dl4j_single_layer conv1d_k2_s1_d2_cl_valid: Conv1D(4, 2, dilation 2, sigmoid) over (16, 3).</summary>
[Input(16, 3)]
[Conv1D(4, 2, DilationRate = [2], Activation = Activation.Sigmoid, Name = "conv0")]
public partial class Conv1DDilated;

/// <summary>dl4j_single_layer conv1d_k2_s2_d1_cl_valid: Conv1D(4, 2, stride 2, sigmoid) over (16, 3).</summary>
[Input(16, 3)]
[Conv1D(4, 2, Strides = [2], Activation = Activation.Sigmoid, Name = "conv0")]
public partial class Conv1DStrided;
