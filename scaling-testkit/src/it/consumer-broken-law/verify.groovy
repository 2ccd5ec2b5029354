// The build failed (invoker.properties); it must have failed for the right reason: the gradient property, with a
// shrunk counterexample in jqwik's report.
def log = new File(basedir, 'build.log').text
assert log.contains('gradientMatchesFiniteDifferences')
assert log.contains('Shrunk Sample')
assert log.contains('d g / d alpha(alpha)')
