namespace StaticKeras.Onnx.Tests.TestModels;

/// <summary>Every pooling, 2D and 1D, local and global, with strides, 'same' padding and keepdims.</summary>
[Input(9, 8, 3, Name = "image")]
[MaxPooling2D(3, Strides = [2], Padding = "same")]
[AveragePooling2D(2, 3, Strides = [1, 2], Padding = "same", Name = "average")]
[GlobalMaxPooling2D(KeepDims = true, Name = "max_kept")]
[Flatten(Name = "max_flat")]
[GlobalAveragePooling2D(Input = "average", Name = "mean")]
[Reshape(10, 3, Input = "average", Name = "sequence")]
[MaxPooling1D(3, Strides = [2], Padding = "same")]
[AveragePooling1D(2, Padding = "same")]
[GlobalAveragePooling1D(KeepDims = true, Name = "mean_kept")]
[Flatten(Name = "mean_flat")]
[GlobalMaxPooling1D(Input = "sequence", Name = "max1")]
[Concatenate("max_flat", "mean", "mean_flat", "max1")]
[Dense(4)]
public partial class PoolingExport;

/// <summary>Every reshaping layer, and the noise layers (the identity at inference).</summary>
[Input(4, 5, 2)]
[ZeroPadding2D(1, 2, 0, 3)]
[Cropping2D(1, 0, 2, 1)]
[UpSampling2D(2, 1)]
[UpSampling2D(Interpolation = "bilinear")]
[SpatialDropout2D(0.3)]
[GaussianNoise(0.1)]
[Permute(2, 3, 1)]
[Reshape(16, 30)]
[ZeroPadding1D(2, 1)]
[Cropping1D(1, 3)]
[UpSampling1D(2)]
[SpatialDropout1D(0.2)]
[GaussianDropout(0.2)]
[Flatten]
[Dense(5)]
[RepeatVector(3)]
[Dense(2)]
public partial class ReshapingExport;
