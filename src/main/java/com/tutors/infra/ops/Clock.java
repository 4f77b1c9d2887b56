package com.tutors.infra.ops;

import java.time.Duration;
import java.time.Instant;

/** Time for the waits: the system's in use, a fake one in tests (no test sleeps). */
public interface Clock {
    Instant now();

    void sleep(Duration duration);

    Clock SYSTEM = new Clock() {
        @Override
        public Instant now() {
            return Instant.now();
        }

        @Override
        public void sleep(Duration duration) {
            try {
                Thread.sleep(duration.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new OpsFailure("interrupted while waiting");
            }
        }
    };

    /** The instant {@code timeout} from now. */
    default Instant deadline(Duration timeout) {
        return now().plus(timeout);
    }
}
