package com.tutors.infra.plan;

import com.pulumi.deployment.internal.Runner;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Lets the SDK's runner wait for the program without its busy loop.
 *
 * <p>Why: pulumi-java 1.36's default runner waits for every output by re-scheduling a check on the
 * common pool until its in-flight map is empty, and each turn formats the whole map into a FINEST
 * log string, whatever the logger's level. A stack of ~170 resources keeps thousands of outputs in
 * flight, so that loop was most of a mock run. Here the outputs are counted in batches; the
 * program's own task returns only once every batch has completed, so the SDK's runner finds
 * nothing left to wait for. Its semantics stay: the first failed output fails its batch at once,
 * the SDK's runner sees that failure and reports it as it would have reported the output's.
 */
final class BatchingRunner implements Runner {
    private final Runner engine;
    private Batch open;

    BatchingRunner(Runner engine) {
        this.engine = engine;
    }

    @Override
    public <T> void registerTask(String description, CompletableFuture<T> task) {
        if (task.isDone() && !task.isCompletedExceptionally()) {
            return; // nothing to wait for
        }
        Batch batch;
        boolean fresh;
        synchronized (this) {
            fresh = open == null || open.sealed;
            if (fresh) {
                open = new Batch();
            }
            batch = open;
            batch.pending++;
        }
        if (fresh) {
            engine.registerTask("outputs of the program", batch.gate);
        }
        task.whenComplete((value, error) -> batch.done(error));
    }

    @Override
    public <T> CompletableFuture<Result<T>> runAsync(Supplier<T> program) {
        return engine.runAsync(() -> {
            T value = program.get();
            awaitOutputs();
            return value;
        });
    }

    /** Blocks until the newest batch is complete or one has failed (a pool-managed wait). */
    private void awaitOutputs() {
        while (true) {
            Batch batch;
            synchronized (this) {
                batch = open;
            }
            if (batch == null) {
                return;
            }
            batch.gate.handle((v, e) -> null).join();
            synchronized (this) {
                if (batch.gate.isCompletedExceptionally() || open == batch) {
                    return;
                }
            }
        }
    }

    private final class Batch {
        final CompletableFuture<Void> gate = new CompletableFuture<>();
        int pending;
        boolean sealed;

        void done(Throwable error) {
            boolean complete;
            synchronized (BatchingRunner.this) {
                complete = --pending == 0 || error != null;
                if (complete) {
                    sealed = true; // later outputs open a new batch
                }
            }
            if (error != null) {
                gate.completeExceptionally(error);
            } else if (complete) {
                gate.complete(null);
            }
        }
    }
}
