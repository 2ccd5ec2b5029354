/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.fit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** {@link Starts#parse}: the strategies it reads, and a typed error in the library's own terms for the rest. */
class StartsParseTest {

    @Test
    void readsTheNamedStrategies() {
        assertThat(Starts.parse(" Hoffmann ", 0)).isSameAs(Starts.hoffmann());
        assertThat(Starts.parse("sobol:16", 3)).isEqualTo(Starts.sobol(16, 3));
        assertThat(Starts.parse("LHS:8", 5)).isEqualTo(Starts.latinHypercube(8, 5));
    }

    @Test
    void aCountThatIsNotAnIntegerIsABadCount() {
        assertThatThrownBy(() -> Starts.parse("sobol:x", 0))
                .isInstanceOfSatisfying(StartsFormatException.class, e -> {
                    assertThat(e.text()).isEqualTo("sobol:x");
                    assertThat(e.problem()).isEqualTo(StartsFormatException.Problem.BAD_COUNT);
                })
                .hasMessage("starts 'sobol:x': expected a count after ':'")
                .hasMessageNotContaining("--");
    }

    @Test
    void anythingElseIsAnUnknownStrategy() {
        for (String text : new String[] {"random", "sobol", "halton:8", ""}) {
            assertThatThrownBy(() -> Starts.parse(text, 0))
                    .isInstanceOfSatisfying(StartsFormatException.class, e -> {
                        assertThat(e.text()).isEqualTo(text);
                        assertThat(e.problem()).isEqualTo(StartsFormatException.Problem.UNKNOWN_STRATEGY);
                    })
                    .hasMessage("unknown starts '" + text + "'; use hoffmann, sobol:N or lhs:N");
        }
    }
}
