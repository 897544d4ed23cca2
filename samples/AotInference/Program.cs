// A StaticKeras model deployed as one native executable (README, "Native AOT"):
//   AotInference train <weights>                    trains the digit classifier on the bundled MNIST subset, saves its weights
//   AotInference predict <weights> [--first-only]   loads them, classifies the MNIST test set, reports SIMD use and timings
using AotInference;

return args switch
{
    ["train", string weights] => TrainCommand.Run(weights),
    ["predict", string weights] => PredictCommand.Run(weights, firstOnly: false),
    ["predict", string weights, "--first-only"] => PredictCommand.Run(weights, firstOnly: true),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: AotInference train <weights-file> | predict <weights-file> [--first-only]");
    return 2;
}
