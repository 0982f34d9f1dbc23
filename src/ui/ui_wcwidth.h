/* ui_wcwidth.h — see wcwidth.c. */
#ifndef BAOGAO_UI_WCWIDTH_H
#define BAOGAO_UI_WCWIDTH_H

void ui_wcwidth_enable(int on);

#endif
