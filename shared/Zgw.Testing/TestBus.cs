using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace Zgw.Testing;

public static class TestBus
{
    /// <summary>
    /// Waits until the host's MassTransit bus is connected (services start without waiting for the broker), so a
    /// test does not publish or expect messages before its queues exist.
    /// </summary>
    public static async Task WaitUntilHealthyAsync(IServiceProvider services, TimeSpan? timeout = null)
    {
        var bus = services.GetRequiredService<IBusControl>();
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (bus.CheckHealth().Status != BusHealthStatus.Healthy)
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException("the bus did not become healthy");
            await Task.Delay(100);
        }
    }
}
