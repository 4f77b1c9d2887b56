package com.tutors.infra.ops;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A clock that moves only when the code under test sleeps, and remembers each sleep. */
final class FakeClock implements Clock {
    private Instant now = Instant.parse("2026-12-02T10:00:00Z");
    final List<Duration> sleeps = new ArrayList<>();

    @Override
    public Instant now() {
        return now;
    }

    @Override
    public void sleep(Duration duration) {
        sleeps.add(duration);
        now = now.plus(duration);
    }

    Duration slept() {
        return sleeps.stream().reduce(Duration.ZERO, Duration::plus);
    }
}
