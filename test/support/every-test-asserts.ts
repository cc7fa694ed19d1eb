import { beforeEach, expect } from '@jest/globals';

// A test that asserts nothing cannot fail when the behaviour breaks: every test makes at least one assertion.
beforeEach(() => {
  expect.hasAssertions();
});
