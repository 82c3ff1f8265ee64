package com.motoroctane.media.image;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.motoroctane.media.config.MediaConfig;

/**
 * The libvips command line ({@code vips}, {@code vipsheader}): the engine sharp and imgproxy use, run as a
 * child process so a crashing decoder takes down one job, never the service. Every call has a timeout.
 */
@ApplicationScoped
public class Vips {

    private static final Logger LOG = Logger.getLogger(Vips.class);
    private static final Pattern HEADER = Pattern.compile(": (\\d+)x(\\d+) ");

    private final String vips;
    private final String vipsheader;
    private final Duration timeout;
    private volatile String version;
    private volatile String unavailable;

    @jakarta.inject.Inject
    public Vips(MediaConfig config) {
        this(config.vips().command(), config.vips().headerCommand(), config.vips().timeout());
    }

    public Vips(String vips, String vipsheader, Duration timeout) {
        this.vips = vips;
        this.vipsheader = vipsheader;
        this.timeout = timeout;
        probe();
    }

    /** Width and height as the file's header declares them; nothing is decoded. */
    public record Size(long width, long height) {
        public long pixels() {
            return width * height;
        }
    }

    /** A vips call that failed: the file is not a readable image of its kind (or vips is missing). */
    public static class VipsException extends Exception {
        public VipsException(String message) {
            super(message);
        }
    }

    /** Checks (again) whether libvips runs here; readiness reports the outcome. */
    public final void probe() {
        try {
            Result result = run(List.of(vips, "--version"), Duration.ofSeconds(10));
            if (result.exit == 0) {
                version = result.output.trim();
                unavailable = null;
                LOG.infof("libvips: %s", version);
                return;
            }
            unavailable = "'" + vips + " --version' exited with " + result.exit + ": " + result.output.trim();
        } catch (IOException e) {
            unavailable = "libvips is not installed ('" + vips + "' cannot be run: " + e.getMessage()
                    + "); on Debian/Ubuntu: apt-get install -y libvips-tools";
        } catch (VipsException e) {
            unavailable = e.getMessage();
        }
        LOG.warnf("media-service is not ready: %s", unavailable);
    }

    /** Null when libvips is usable, otherwise why not. */
    public String unavailable() {
        return unavailable;
    }

    public String version() {
        return version;
    }

    public Size header(Path file) throws VipsException {
        Result result = call(List.of(vipsheader, file.toString()));
        Matcher m = HEADER.matcher(result.output);
        if (result.exit != 0 || !m.find()) {
            throw new VipsException("the image header cannot be read");
        }
        return new Size(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)));
    }

    /** Runs {@code vips <args>}; a non-zero exit is a {@link VipsException} carrying vips' first error line. */
    public void run(String... args) throws VipsException {
        List<String> command = new ArrayList<>();
        command.add(vips);
        command.addAll(List.of(args));
        Result result = call(command);
        if (result.exit != 0) {
            throw new VipsException(firstError(result.output));
        }
    }

    private Result call(List<String> command) throws VipsException {
        try {
            return run(command, timeout);
        } catch (IOException e) {
            throw new VipsException("libvips cannot be run: " + e.getMessage());
        }
    }

    private record Result(int exit, String output) {
    }

    private static Result run(List<String> command, Duration timeout) throws IOException, VipsException {
        // output goes to a file, so a hung vips cannot block us on a pipe and the timeout always applies
        Path log = Files.createTempFile("vips-", ".log");
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .start();
            try {
                if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    process.destroyForcibly();
                    throw new VipsException("image processing took longer than " + timeout.toSeconds() + " s");
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
                throw new VipsException("interrupted");
            }
            byte[] output;
            try (var in = Files.newInputStream(log)) {
                output = in.readNBytes(64 * 1024);
            }
            return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(log);
        }
    }

    private static String firstError(String output) {
        for (String line : output.split("\n")) {
            String l = line.trim();
            if (!l.isEmpty() && !l.startsWith("(vips") && !l.contains("VIPS-WARNING")) {
                return l.length() > 200 ? l.substring(0, 200) : l;
            }
        }
        return "the image cannot be decoded";
    }
}
