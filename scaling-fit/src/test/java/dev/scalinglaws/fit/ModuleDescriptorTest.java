/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.fit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;

import dev.scalinglaws.core.ScalingLaw;
import org.junit.jupiter.api.Test;

/**
 * The module descriptors of scaling-core and scaling-fit export only their API packages (the kernels and
 * optimisers in the internal packages stay private), need the libraries their public types use, and treat the Vector
 * API as optional.
 */
class ModuleDescriptorTest {

    private static Path classes(Class<?> type) throws Exception {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    private static ModuleDescriptor descriptorOf(Class<?> type) throws Exception {
        Path root = classes(type);
        try (InputStream in = Files.isDirectory(root) ? Files.newInputStream(root.resolve("module-info.class"))
                : new java.util.jar.JarFile(root.toFile()).getInputStream(
                        new java.util.zip.ZipEntry("module-info.class"))) {
            return ModuleDescriptor.read(in);
        }
    }

    private static Set<String> exports(ModuleDescriptor d) {
        Set<String> out = new TreeSet<>();
        for (ModuleDescriptor.Exports e : d.exports()) {
            assertThat(e.isQualified()).as("no qualified export of %s", e.source()).isFalse();
            out.add(e.source());
        }
        return out;
    }

    @Test
    void fitExportsOnlyItsApi() throws Exception {
        ModuleDescriptor fit = descriptorOf(FitProblem.class);
        assertThat(fit.name()).isEqualTo("dev.scalinglaws.fit");
        assertThat(exports(fit)).containsExactly("dev.scalinglaws.fit", "dev.scalinglaws.fit.approaches",
                "dev.scalinglaws.fit.uncertainty");
        // the internal package is there, and not exported
        assertThat(Files.isDirectory(classes(FitProblem.class).resolve("dev/scalinglaws/fit/internal"))).isTrue();
        boolean vectorOptional = false;
        for (ModuleDescriptor.Requires r : fit.requires()) {
            if (r.name().equals("jdk.incubator.vector")) {
                vectorOptional = r.modifiers().contains(ModuleDescriptor.Requires.Modifier.STATIC);
            }
        }
        assertThat(vectorOptional).as("requires static jdk.incubator.vector").isTrue();
    }

    @Test
    void coreExportsOnlyItsApi() throws Exception {
        ModuleDescriptor core = descriptorOf(ScalingLaw.class);
        assertThat(core.name()).isEqualTo("dev.scalinglaws.core");
        assertThat(exports(core)).containsExactly("dev.scalinglaws.core", "dev.scalinglaws.core.dynamics",
                "dev.scalinglaws.core.formula", "dev.scalinglaws.core.shape");
        assertThat(core.uses()).contains("dev.scalinglaws.core.LawProvider");
        // the dynamics laws reach the registry as a service, so that core does not import core.dynamics
        assertThat(core.provides()).anySatisfy(p -> {
            assertThat(p.service()).isEqualTo("dev.scalinglaws.core.LawProvider");
            assertThat(p.providers()).containsExactly("dev.scalinglaws.core.dynamics.DynamicsLaws");
        });
    }
}
