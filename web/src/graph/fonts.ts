// The CJK-first font stack for labels on canvas and in exported pictures.
export const LABEL_FONT =
  '"Noto Sans CJK SC", "Noto Sans SC", "WenQuanYi Micro Hei", "PingFang SC", "Microsoft YaHei", sans-serif';
