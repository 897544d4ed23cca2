namespace StaticKeras.IntegrationTests.TestModels;

/// <summary>Every 2D pooling after a trainable layer (so the gradient check covers its backward pass): strides, 'same' with odd padding, keepdims.</summary>
[Input(6, 7, 2)]
[Dense(3, Activation = "tanh")]
[MaxPooling2D(3, Strides = [2], Padding = "same")]
[Dense(4, Activation = "tanh")]
[AveragePooling2D(2, Padding = "same")]
[Dense(3, Activation = "tanh", Name = "h")]
[GlobalMaxPooling2D(KeepDims = true)]
[Flatten(Name = "max_flat")]
[GlobalAveragePooling2D(Input = "h", Name = "average")]
[Concatenate("max_flat", "average")]
[Dense(2)]
public partial class ImagePooling;

/// <summary>Every 1D pooling after a trainable layer; two global poolings read one layer, so the second adds to its gradient.</summary>
[Input(9, 3)]
[Dense(4, Activation = "tanh")]
[MaxPooling1D(3, Strides = [2], Padding = "same")]
[Dense(4, Activation = "tanh")]
[AveragePooling1D(2, Strides = [1])]
[Dense(3, Activation = "tanh", Name = "h")]
[GlobalAveragePooling1D(Name = "average")]
[GlobalMaxPooling1D(Input = "h", KeepDims = true)]
[Flatten(Name = "max_flat")]
[Concatenate("average", "max_flat")]
[Dense(2)]
public partial class SequencePooling;

/// <summary>Padding, cropping, both upsamplings and a permutation of images, each after a trainable layer.</summary>
[Input(3, 4, 2)]
[Dense(2, Activation = "tanh")]
[ZeroPadding2D(1, 2, 0, 1)]
[Dense(2, Activation = "tanh")]
[Cropping2D(1, 0, 2, 1)]
[Dense(2, Activation = "tanh")]
[UpSampling2D(2, 1)]
[Dense(2, Activation = "tanh")]
[UpSampling2D(Interpolation = "bilinear")]
[Dense(2, Activation = "tanh")]
[Permute(2, 3, 1)]
[Flatten]
[Dense(2)]
public partial class ImageReshaping;

/// <summary>RepeatVector, 1D padding, cropping and upsampling, and a permutation of sequences, each after a trainable layer.</summary>
[Input(4)]
[Dense(3, Activation = "tanh")]
[RepeatVector(2)]
[Dense(2, Activation = "tanh")]
[ZeroPadding1D(1, 2)]
[Dense(2, Activation = "tanh")]
[Cropping1D]
[Dense(3, Activation = "tanh")]
[UpSampling1D(3)]
[Dense(2, Activation = "tanh")]
[Permute(2, 1)]
[Flatten]
[Dense(1)]
public partial class SequenceReshaping;

/// <summary>Every noise layer after a trainable layer, seeded or drawing from the model's stream.</summary>
[Input(5, 4, 3)]
[Dense(3, Activation = "tanh")]
[SpatialDropout2D(0.3, Seed = 3)]
[Dense(3, Activation = "tanh")]
[GaussianNoise(0.2)]
[Dense(3, Activation = "tanh")]
[GaussianDropout(0.25, Seed = 5)]
[Reshape(20, 3)]
[Dense(2, Activation = "tanh")]
[SpatialDropout1D(0.4)]
[Flatten]
[Dense(2)]
public partial class Noisy;

/// <summary><see cref="Noisy"/> without its noise: what it must equal at inference.</summary>
[Input(5, 4, 3)]
[Dense(3, Activation = "tanh")]
[Dense(3, Activation = "tanh")]
[Dense(3, Activation = "tanh")]
[Reshape(20, 3)]
[Dense(2, Activation = "tanh")]
[Flatten]
[Dense(2)]
public partial class NotNoisy;

/// <summary>The Keras reference case maxpool2d_2x2_valid.</summary>
[Input(4, 4, 2)]
[MaxPooling2D(2)]
public partial class KerasMaxPool;

/// <summary>The Keras reference case avgpool2d_2x2_valid.</summary>
[Input(4, 4, 2)]
[AveragePooling2D(2)]
public partial class KerasAveragePool;

/// <summary>'same' average pooling with an odd total padding on both axes, against a scalar reference.</summary>
[Input(6, 7, 3)]
[AveragePooling2D(3, 2, Strides = [2], Padding = "same")]
public partial class SameAveragePool;

/// <summary>Every global pooling of one image, side by side.</summary>
[Input(3, 4, 2, Name = "x")]
[GlobalAveragePooling2D(Name = "avg")]
[GlobalMaxPooling2D(Input = "x", Name = "max")]
[Reshape(12, 2, Input = "x", Name = "seq")]
[GlobalAveragePooling1D(Name = "avg1")]
[GlobalMaxPooling1D(Input = "seq", Name = "max1")]
[Concatenate("avg", "max", "avg1", "max1")]
public partial class GlobalPools;

/// <summary>Asymmetric zero padding then a different cropping, against a scalar reference.</summary>
[Input(3, 4, 2)]
[ZeroPadding2D(1, 2, 3, 4)]
[Cropping2D(0, 3, 2, 1)]
public partial class PadThenCrop;

/// <summary>Permute, nearest upsampling and RepeatVector on a tiny input, against values written by hand.</summary>
[Input(2, 3)]
[Permute(2, 1)]
[UpSampling1D(2)]
[Flatten]
[RepeatVector(2)]
public partial class Rearranged;

/// <summary>Bilinear upsampling by (2, 3), against a scalar reference of Keras's half-pixel resize.</summary>
[Input(2, 3, 2)]
[UpSampling2D(2, 3, Interpolation = "bilinear")]
public partial class Bilinear;

/// <summary>SpatialDropout2D before a linear layer: a dropped channel gets no kernel gradient at all.</summary>
[Input(5, 4, 4)]
[SpatialDropout2D(0.5, Seed = 2)]
[Dense(1, UseBias = false)]
public partial class ChannelDropout;

/// <summary><see cref="ChannelDropout"/> without its dropout.</summary>
[Input(5, 4, 4)]
[Dense(1, UseBias = false)]
public partial class ChannelDense;
