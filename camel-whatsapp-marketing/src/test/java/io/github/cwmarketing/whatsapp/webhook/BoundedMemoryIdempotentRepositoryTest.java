package io.github.cwmarketing.whatsapp.webhook;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BoundedMemoryIdempotentRepositoryTest {

    @Test
    void addsOnceAndRemembers() {
        BoundedMemoryIdempotentRepository repository = new BoundedMemoryIdempotentRepository(10);
        assertThat(repository.contains("a|sent")).isFalse();
        assertThat(repository.add("a|sent")).isTrue();
        assertThat(repository.add("a|sent")).isFalse();
        assertThat(repository.contains("a|sent")).isTrue();
        assertThat(repository.confirm("a|sent")).isTrue();
        assertThat(repository.remove("a|sent")).isTrue();
        assertThat(repository.contains("a|sent")).isFalse();
    }

    @Test
    void evictsTheOldestKeysBeyondTheMaximum() {
        BoundedMemoryIdempotentRepository repository = new BoundedMemoryIdempotentRepository(3);
        repository.add("1");
        repository.add("2");
        repository.add("3");
        assertThat(repository.contains("1")).isTrue(); // a lookup does not make a key younger
        repository.add("4");
        assertThat(repository.contains("1")).isFalse();
        assertThat(repository.contains("2")).isTrue();
        assertThat(repository.contains("4")).isTrue();
        assertThat(repository.size()).isEqualTo(3);
    }

    @Test
    void staysBoundedUnderConcurrentAdds() throws Exception {
        BoundedMemoryIdempotentRepository repository = new BoundedMemoryIdempotentRepository(1_000);
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                done.add(threads.submit(() -> {
                    for (int i = 0; i < 10_000; i++) {
                        assertThat(repository.add(thread + ":" + i)).isTrue();
                    }
                }));
            }
            for (Future<?> future : done) {
                future.get();
            }
        } finally {
            threads.shutdownNow();
        }
        assertThat(repository.size()).isEqualTo(1_000);
    }

    @Test
    void clearsOnStopAndRefusesANonPositiveSize() {
        BoundedMemoryIdempotentRepository repository = new BoundedMemoryIdempotentRepository(5);
        repository.start();
        repository.add("x");
        repository.stop();
        assertThat(repository.size()).isZero();
        assertThatThrownBy(() -> new BoundedMemoryIdempotentRepository(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
