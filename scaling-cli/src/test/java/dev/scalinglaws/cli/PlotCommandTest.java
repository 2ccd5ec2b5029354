package dev.scalinglaws.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rendered plots decode, have the expected size and are not blank. */
class PlotCommandTest {

    @TempDir
    Path dir;

    static void assertRendered(Path png) throws Exception {
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image).isNotNull();
        assertThat(image.getWidth()).isEqualTo(Plots.WIDTH);
        assertThat(image.getHeight()).isEqualTo(Plots.HEIGHT);
        Set<Integer> colours = new HashSet<>();
        long nonWhite = 0;
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = 0; x < image.getWidth(); x += 2) {
                int rgb = image.getRGB(x, y) & 0xFFFFFF;
                colours.add(rgb);
                if (rgb != 0xFFFFFF) {
                    nonWhite++;
                }
            }
        }
        assertThat(colours.size()).as("distinct colours").isGreaterThan(20);
        assertThat(nonWhite).as("non-white pixels").isGreaterThan(5_000);
    }

    @Test
    void plotCommandRendersAPngOfTheFit() throws Exception {
        Path png = dir.resolve("fit.png");
        Cli.Result r = Cli.run("plot", "--fit", Fixtures.chinchillaFit().toString(), "--output", png.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertRendered(png);
    }

    @Test
    void fitPlotWritesSvg() throws Exception {
        Path svg = dir.resolve("fit.svg");
        Cli.Result r = Cli.run("fit", "--starts", "sobol:8", "--plot", svg.toString());
        assertThat(r.exit()).as(r.err()).isIn(0, 1);
        String text = Files.readString(svg);
        assertThat(text).contains("<svg").contains("</svg>");
        assertThat(text.length()).isGreaterThan(10_000);
    }

    @Test
    void singleCovariateLawsAndUserDataPlotToo() throws Exception {
        Path csv = Fixtures.write(dir, "n.csv", "N,loss\n1e6,5.1\n1e7,4.3\n1e8,3.7\n1e9,3.2\n1e10,2.8\n");
        Path json = dir.resolve("fit.json");
        Cli.Result fit = Cli.run("fit", "--data", csv.toString(), "--law", "kaplan-n", "--format", "json",
                "--output", json.toString());
        assertThat(fit.exit()).as(fit.err()).isIn(0, 1);
        Path png = dir.resolve("n.png");
        Cli.Result r = Cli.run("plot", "--fit", json.toString(), "--output", png.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertRendered(png);
    }

    @Test
    void badPlotTargets() {
        String fit = Fixtures.chinchillaFit().toString();
        assertThat(Cli.run("plot", "--fit", fit, "--output", dir.resolve("x.gif").toString()).err())
                .contains(".png or .svg");
        assertThat(Cli.run("plot", "--fit", fit, "--output", dir.resolve("no/such/dir.png").toString()).exit())
                .isEqualTo(2);
    }
}
