using System.Diagnostics.Metrics;
using Ent77.Infrastructure.Observability;

namespace Ent77.Benchmarks.Harness;

/// <summary>
/// Where a delivered message's time goes, from the service's own histograms (docs/OPERATIONS.md "Metrics"): the send
/// (<see cref="Ent77Metrics.SendDurationInstrument"/>) and its "sent" mark, queued for the SQLite write queue and written
/// (<see cref="Ent77Metrics.MarkDurationInstrument"/>). Means in milliseconds over what was recorded since <see cref="Reset"/>.
/// </summary>
internal sealed class DeliveryProfile : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly Lock _lock = new();
    private double _send, _queued, _written;
    private long _sends, _marks;

    public DeliveryProfile()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == Ent77Metrics.MeterName
                && instrument.Name is Ent77Metrics.SendDurationInstrument or Ent77Metrics.MarkDurationInstrument)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<double>(OnMeasurement);
        _listener.Start();
    }

    public double SendMs => Mean(_send, _sends);

    public double MarkQueuedMs => Mean(_queued, _marks);

    public double MarkWrittenMs => Mean(_written, _marks);

    public void Reset()
    {
        lock (_lock)
        {
            _send = _queued = _written = 0;
            _sends = _marks = 0;
        }
    }

    public void Dispose() => _listener.Dispose();

    private void OnMeasurement(Instrument instrument, double seconds, ReadOnlySpan<KeyValuePair<string, object?>> tags, object? state)
    {
        var phase = tags.Length > 0 ? tags[0].Value as string : null;
        lock (_lock)
        {
            if (instrument.Name == Ent77Metrics.SendDurationInstrument)
            {
                _send += seconds;
                _sends++;
            }
            else if (phase == "queued")
            {
                _queued += seconds;
                _marks++;
            }
            else
            {
                _written += seconds;
            }
        }
    }

    private double Mean(double seconds, long count)
    {
        lock (_lock)
        {
            return count == 0 ? 0 : seconds * 1000 / count;
        }
    }
}
