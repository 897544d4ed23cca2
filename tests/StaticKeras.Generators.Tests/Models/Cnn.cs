using StaticKeras;

namespace Demo;

/// <summary>
/// A small convnet: a convolution with batch normalization (moving statistics written while
/// training), max pooling, a 3×3 convolution with 16 channels and filters (Winograd's prepared
/// kernel at inference), global average pooling and a softmax classifier.
/// </summary>
[Input(8, 8, 3)]
[Conv2D(16, 3, Padding = "same", UseBias = false)]
[BatchNormalization]
[ReLU]
[MaxPooling2D(2)]
[Conv2D(16, 3, Padding = "same", Activation = Activation.Relu)]
[GlobalAveragePooling2D]
[Dense(3, Activation = Activation.Softmax)]
public partial class Cnn;
