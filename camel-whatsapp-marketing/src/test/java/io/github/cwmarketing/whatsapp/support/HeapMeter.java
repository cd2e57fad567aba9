package io.github.cwmarketing.whatsapp.support;

import java.lang.management.ManagementFactory;

/**
 * The heap a test holds: used heap after full garbage collections, so that only what is still referenced counts.
 */
public final class HeapMeter {

    private static final int COLLECTIONS = 3;

    private HeapMeter() {
    }

    public static long usedAfterGc() {
        for (int i = 0; i < COLLECTIONS; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    public static long mebibytes(long bytes) {
        return bytes / (1024 * 1024);
    }
}
