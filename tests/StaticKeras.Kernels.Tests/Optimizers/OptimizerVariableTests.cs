using StaticKeras.Testing;

namespace StaticKeras.Kernels.Tests.Optimizers;

/// <summary>
/// The optimizer's variables in Keras 3's order (<c>optimizer.variables</c>, read from each
/// optimizer's <c>build()</c>), and a checkpoint that reads and restores them bit for bit.
/// </summary>
public sealed class OptimizerVariableTests
{
    public static TheoryData<string, string[]> Orders() => new()
    {
        { "adam", ["iteration", "learning_rate", "layer0_kernel_momentum", "layer0_kernel_velocity", "layer1_kernel_momentum", "layer1_kernel_velocity"] },
        { "amsgrad", ["iteration", "learning_rate", "layer0_kernel_momentum", "layer0_kernel_velocity", "layer1_kernel_momentum", "layer1_kernel_velocity", "layer0_kernel_velocity_hat", "layer1_kernel_velocity_hat"] },
        { "nadam", ["iteration", "learning_rate", "layer0_kernel_momentum", "layer0_kernel_velocity", "layer1_kernel_momentum", "layer1_kernel_velocity", "u_product"] },
        { "ftrl", ["iteration", "learning_rate", "layer0_kernel_accumulator", "layer0_kernel_linear", "layer1_kernel_accumulator", "layer1_kernel_linear"] },
        { "adadelta", ["iteration", "learning_rate", "layer0_kernel_accumulated_grad", "layer0_kernel_accumulated_delta_var", "layer1_kernel_accumulated_grad", "layer1_kernel_accumulated_delta_var"] },
        { "rmsprop", ["iteration", "learning_rate", "layer0_kernel_velocity", "layer1_kernel_velocity"] },
        { "sgd_momentum", ["iteration", "learning_rate", "layer0_kernel_momentum", "layer1_kernel_momentum"] },
        { "lion", ["iteration", "learning_rate", "layer0_kernel_momentum", "layer1_kernel_momentum"] },
    };

    [Theory]
    [MemberData(nameof(Orders))]
    public void Variables_are_listed_in_keras_order(string name, string[] expected)
    {
        Optimizer optimizer = OptimizerReference.Create(name);
        OptimizerUpdateTests.Build(optimizer, 3, 2);
        Assert.Equal(expected, optimizer.Variables.Select(v => v.Name));
        Assert.Equal(optimizer.Name + "/iteration", optimizer.Variables[0].Path);
    }

    [Fact]
    public void Base_variables_come_first_and_a_schedule_has_no_learning_rate_variable()
    {
        var adam = new Adam(new CosineDecay(0.1f, 100)) { UseEma = true, GradientAccumulationSteps = 2 };
        OptimizerUpdateTests.Build(adam, 3, 2);
        Assert.Equal(
            ["iteration", "layer0_kernel_average", "layer1_kernel_average", "layer0_kernel_gradient_accumulator", "layer1_kernel_gradient_accumulator", "layer0_kernel_momentum", "layer0_kernel_velocity", "layer1_kernel_momentum", "layer1_kernel_velocity"],
            adam.Variables.Select(v => v.Name));
        Assert.Equal([3], adam.Variables[1].Shape);
        Assert.True(adam.Variables[0].IsInteger);
        Assert.Throws<InvalidOperationException>(() => adam.Variables[0].Values.Length);
    }

    [Theory]
    [MemberData(nameof(OptimizerReference.Names), MemberType = typeof(OptimizerReference))]
    public void Saved_variables_restore_training_bit_for_bit(string name)
    {
        // Train 5 steps straight; and 2 steps, checkpoint, 1 more step, restore, then the last 3.
        float[] straight = FiniteDifferences.Random(7, 9), resumed = (float[])straight.Clone();
        Optimizer a = OptimizerReference.Create(name), b = OptimizerReference.Create(name);
        OptimizerUpdateTests.Build(a, 4, 3);
        OptimizerUpdateTests.Build(b, 4, 3);
        for (int step = 0; step < 5; step++)
        {
            a.Apply(straight, FiniteDifferences.Random(7, 50 + step));
        }

        b.Apply(resumed, FiniteDifferences.Random(7, 50));
        b.Apply(resumed, FiniteDifferences.Random(7, 51));
        (long iteration, float[][] values, float[] weights) = (b.Variables[0].IntegerValue, b.Variables.Skip(1).Select(v => v.Values.ToArray()).ToArray(), (float[])resumed.Clone());
        b.Apply(resumed, FiniteDifferences.Random(7, 99));
        b.Variables[0].IntegerValue = iteration;
        for (int k = 1; k < b.Variables.Count; k++)
        {
            values[k - 1].CopyTo(b.Variables[k].Values);
        }

        resumed = weights;
        for (int step = 2; step < 5; step++)
        {
            b.Apply(resumed, FiniteDifferences.Random(7, 50 + step));
        }

        Assert.Equal(straight, resumed);
    }
}
